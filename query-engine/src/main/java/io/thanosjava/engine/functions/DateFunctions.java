package io.thanosjava.engine.functions;

/**
 * PromQL's date functions on a Unix time in seconds, in UTC, without allocating. The fractional
 * part is truncated toward zero, as Go's {@code time.Unix(int64(v), 0)} does. Non-finite input
 * yields NaN (Go's result there depends on the CPU's float-to-int conversion and is meaningless).
 */
public final class DateFunctions {
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int[] DAYS_BEFORE_MONTH = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private DateFunctions() {
    }

    public static double year(double unixSeconds) {
        return Double.isFinite(unixSeconds) ? yearOf(civil(days(unixSeconds))) : Double.NaN;
    }

    /** 1–12. */
    public static double month(double unixSeconds) {
        return Double.isFinite(unixSeconds) ? monthOf(civil(days(unixSeconds))) : Double.NaN;
    }

    /** 1–31. */
    public static double dayOfMonth(double unixSeconds) {
        return Double.isFinite(unixSeconds) ? dayOf(civil(days(unixSeconds))) : Double.NaN;
    }

    /** 0 = Sunday … 6 = Saturday. */
    public static double dayOfWeek(double unixSeconds) {
        // 1970-01-01 was a Thursday.
        return Double.isFinite(unixSeconds) ? Math.floorMod(days(unixSeconds) + 4, 7L) : Double.NaN;
    }

    /** 1–366. */
    public static double dayOfYear(double unixSeconds) {
        if (!Double.isFinite(unixSeconds)) {
            return Double.NaN;
        }
        long date = civil(days(unixSeconds));
        int month = monthOf(date);
        int leapDay = month > 2 && isLeap(yearOf(date)) ? 1 : 0;
        return DAYS_BEFORE_MONTH[month - 1] + leapDay + dayOf(date);
    }

    /** 28–31. */
    public static double daysInMonth(double unixSeconds) {
        if (!Double.isFinite(unixSeconds)) {
            return Double.NaN;
        }
        long date = civil(days(unixSeconds));
        int month = monthOf(date);
        return month == 2 && isLeap(yearOf(date)) ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** 0–23. */
    public static double hour(double unixSeconds) {
        return Double.isFinite(unixSeconds) ? Math.floorMod(seconds(unixSeconds), SECONDS_PER_DAY) / 3600 : Double.NaN;
    }

    /** 0–59. */
    public static double minute(double unixSeconds) {
        return Double.isFinite(unixSeconds) ? Math.floorMod(seconds(unixSeconds), 3600L) / 60 : Double.NaN;
    }

    private static long seconds(double unixSeconds) {
        return (long) unixSeconds;
    }

    private static long days(double unixSeconds) {
        return Math.floorDiv(seconds(unixSeconds), SECONDS_PER_DAY);
    }

    private static long yearOf(long packedDate) {
        return Math.floorDiv(packedDate, 10_000L);
    }

    private static int monthOf(long packedDate) {
        return (int) (Math.floorMod(packedDate, 10_000L) / 100);
    }

    private static int dayOf(long packedDate) {
        return (int) Math.floorMod(packedDate, 100L);
    }

    private static boolean isLeap(long year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /**
     * The proleptic Gregorian date of a day count since 1970-01-01 packed as
     * {@code year × 10000 + month × 100 + day} (Hinnant's days-to-civil algorithm).
     */
    private static long civil(long daysSinceEpoch) {
        long z = daysSinceEpoch + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + month * 100 + day;
    }
}
