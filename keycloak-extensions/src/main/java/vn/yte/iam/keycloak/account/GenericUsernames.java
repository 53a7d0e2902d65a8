package vn.yte.iam.keycloak.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.yte.iam.keycloak.text.PasswordText;

/**
 * ACC-2: usernames that name a role, a ward or a test rather than a person. A username is generic
 * when, with diacritics folded and digits and separators removed, it is made up entirely of words
 * from the list ("letan01" = letan; "bacsi.khoanoi2" = bacsi + khoanoi), or it matches one of the
 * list's {@code re:} patterns. "bs.nguyenvanan" is not: "nguyenvanan" is no list word.
 */
public final class GenericUsernames {
  private static final String PATTERN_PREFIX = "re:";
  private final Set<String> words = new HashSet<>();
  private final List<Pattern> patterns = new ArrayList<>();
  private int longest;

  private GenericUsernames() {}

  /** Parses list lines: a word per line, {@code re:REGEX} for a pattern, {@code #} comments. */
  public static GenericUsernames of(Collection<String> lines) {
    GenericUsernames list = new GenericUsernames();
    for (String line : lines) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      if (entry.startsWith(PATTERN_PREFIX)) {
        list.patterns.add(Pattern.compile(entry.substring(PATTERN_PREFIX.length()).strip()));
      } else {
        String word = letters(entry);
        if (!word.isEmpty()) {
          list.words.add(word);
          list.longest = Math.max(list.longest, word.length());
        }
      }
    }
    return list;
  }

  /** Adds words (e.g. a realm's own ward names from the validator's configuration). */
  public GenericUsernames with(Collection<String> extraWords) {
    if (extraWords.isEmpty()) {
      // The common case: no realm words, so no copy of the shipped list per validation.
      return this;
    }
    GenericUsernames copy = new GenericUsernames();
    copy.words.addAll(words);
    copy.patterns.addAll(patterns);
    copy.longest = longest;
    for (String extra : extraWords) {
      String word = letters(extra);
      if (!word.isEmpty()) {
        copy.words.add(word);
        copy.longest = Math.max(copy.longest, word.length());
      }
    }
    return copy;
  }

  public boolean isGeneric(String username) {
    String folded = PasswordText.fold(username.strip());
    for (Pattern pattern : patterns) {
      if (pattern.matcher(folded).matches()) {
        return true;
      }
    }
    String core = letters(folded);
    return core.isEmpty() || segments(core);
  }

  /** Whether the string splits entirely into list words (dynamic programming over prefixes). */
  private boolean segments(String s) {
    boolean[] reachable = new boolean[s.length() + 1];
    reachable[0] = true;
    for (int end = 1; end <= s.length(); end++) {
      for (int start = Math.max(0, end - longest); start < end && !reachable[end]; start++) {
        reachable[end] = reachable[start] && words.contains(s.substring(start, end));
      }
    }
    return reachable[s.length()];
  }

  private static String letters(String s) {
    StringBuilder out = new StringBuilder();
    PasswordText.fold(s).codePoints().filter(Character::isLetter).forEach(out::appendCodePoint);
    return out.toString();
  }
}
