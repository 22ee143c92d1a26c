package io.thanosjava.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Locale;

/**
 * Log lines shaped like Thanos': logfmt ({@code ts=... level=info caller=... msg="..."}) or one
 * JSON object per line. {@link #setFormat} picks which; logfmt is the default.
 */
public final class LogLayout extends LayoutBase<ILoggingEvent> {
    private boolean json;

    public void setFormat(String format) {
        this.json = "json".equals(format);
    }

    @Override
    public String doLayout(ILoggingEvent e) {
        String ts = Instant.ofEpochMilli(e.getTimeStamp()).toString();
        String level = e.getLevel().toString().toLowerCase(Locale.ROOT);
        String caller = e.getLoggerName().substring(e.getLoggerName().lastIndexOf('.') + 1);
        String msg = e.getFormattedMessage();
        if (e.getThrowableProxy() != null) {
            msg = msg + ": " + ThrowableProxyUtil.asString(e.getThrowableProxy());
        }
        StringBuilder sb = new StringBuilder(128);
        if (json) {
            sb.append("{\"ts\":\"").append(ts).append("\",\"level\":\"").append(level).append("\",\"caller\":\"");
            appendJson(sb, caller);
            sb.append("\",\"msg\":\"");
            appendJson(sb, msg);
            sb.append("\"}");
        } else {
            sb.append("ts=").append(ts).append(" level=").append(level).append(" caller=").append(caller).append(" msg=");
            appendLogfmtValue(sb, msg);
        }
        return sb.append('\n').toString();
    }

    private static void appendLogfmtValue(StringBuilder sb, String v) {
        boolean quote = v.isEmpty() || v.chars().anyMatch(c -> c <= ' ' || c == '=' || c == '"');
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"');
        appendJson(sb, v);
        sb.append('"');
    }

    private static void appendJson(StringBuilder sb, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '\r': sb.append("\\r"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
    }
}
