package io.thanosjava.engine.functions;

import com.google.re2j.Matcher;
import java.util.Map;

/**
 * Replacement-template expansion with the rules of Go's {@code Regexp.Expand}, which
 * {@code label_replace} uses (Java's {@code appendReplacement} differs).
 *
 * <ul>
 *   <li>{@code $$} is a literal {@code $};</li>
 *   <li>{@code $name} takes the longest run of letters, digits and {@code _} as the name, so
 *       {@code $1x} names a group {@code 1x}; {@code ${name}} delimits it explicitly;</li>
 *   <li>a name of digits only (without a leading zero) is a group index; any other name is looked
 *       up among the named groups;</li>
 *   <li>an unknown or non-participating group expands to the empty string;</li>
 *   <li>a {@code $} not followed by a valid name (or {@code ${} without its closing brace) is
 *       copied literally.</li>
 * </ul>
 */
final class RegexpTemplate {
    private static final int MAX_GROUP_INDEX = 100_000_000;

    private RegexpTemplate() {
    }

    /** Appends the expansion of {@code template} for a successful {@code match} to {@code out}. */
    static void expand(StringBuilder out, String template, Matcher match, Map<String, Integer> namedGroups) {
        int i = 0;
        int n = template.length();
        while (i < n) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                break;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < n && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            boolean brace = i < n && template.charAt(i) == '{';
            int nameStart = brace ? i + 1 : i;
            int nameEnd = nameStart;
            while (nameEnd < n) {
                int cp = template.codePointAt(nameEnd);
                if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
                    break;
                }
                nameEnd += Character.charCount(cp);
            }
            if (nameEnd == nameStart || (brace && (nameEnd >= n || template.charAt(nameEnd) != '}'))) {
                out.append('$');
                continue;
            }
            String name = template.substring(nameStart, nameEnd);
            i = brace ? nameEnd + 1 : nameEnd;
            appendGroup(out, name, match, namedGroups);
        }
        out.append(template, i, n);
    }

    private static void appendGroup(StringBuilder out, String name, Matcher match, Map<String, Integer> namedGroups) {
        int index = groupIndex(name);
        if (index < 0) {
            Integer named = namedGroups.get(name);
            if (named == null) {
                return;
            }
            index = named;
        }
        if (index > match.groupCount()) {
            return;
        }
        String group = match.group(index);
        if (group != null) {
            out.append(group);
        }
    }

    /** The group index a name denotes, or −1 when it is not a plain number (Go's rules). */
    private static int groupIndex(String name) {
        if (name.length() > 1 && name.charAt(0) == '0') {
            return -1;
        }
        int num = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || num >= MAX_GROUP_INDEX) {
                return -1;
            }
            num = num * 10 + (c - '0');
        }
        return num;
    }
}
