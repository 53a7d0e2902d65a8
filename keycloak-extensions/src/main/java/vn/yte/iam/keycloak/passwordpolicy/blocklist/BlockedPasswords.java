package vn.yte.iam.keycloak.passwordpolicy.blocklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.yte.iam.keycloak.text.PasswordText;

/**
 * A word list of default and simple passwords (PW-2), matched after normalisation and within one
 * edit (insert, delete, substitute or swap two neighbours) of any entry.
 *
 * <p>Near matches use a deletion index: every entry is also filed under each string obtained by
 * deleting one of its characters. Two strings within one edit always share a key in "self plus
 * one-deletion" space, so a lookup costs a few dozen hash probes whatever the size of the list, and
 * each hit is confirmed with an exact bounded edit distance.
 */
public final class BlockedPasswords {
  /** Entries shorter than this match exactly only; one edit from "abc" is too much of the world. */
  static final int MIN_FUZZY_LENGTH = 5;

  private final Set<String> exact = new HashSet<>();
  private final Map<String, List<String>> byDeletion = new HashMap<>();

  private BlockedPasswords() {}

  /** Builds the index from raw list lines; blank lines and lines starting with # are ignored. */
  public static BlockedPasswords of(Collection<String> lines) {
    BlockedPasswords list = new BlockedPasswords();
    for (String line : lines) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      for (String key : PasswordText.keys(entry)) {
        list.add(key);
      }
    }
    return list;
  }

  public int size() {
    return exact.size();
  }

  /** The list entry (in normal form) the password is, or is one edit away from. */
  public Optional<String> match(String password) {
    for (String key : PasswordText.keys(password)) {
      if (exact.contains(key)) {
        return Optional.of(key);
      }
      Optional<String> near = nearMatch(key);
      if (near.isPresent()) {
        return near;
      }
    }
    return Optional.empty();
  }

  private void add(String key) {
    if (!exact.add(key) || key.length() < MIN_FUZZY_LENGTH) {
      return;
    }
    for (String variant : selfAndDeletions(key)) {
      byDeletion.computeIfAbsent(variant, k -> new ArrayList<>(1)).add(key);
    }
  }

  private Optional<String> nearMatch(String key) {
    if (key.length() + 1 < MIN_FUZZY_LENGTH) {
      return Optional.empty();
    }
    for (String variant : selfAndDeletions(key)) {
      List<String> candidates = byDeletion.get(variant);
      if (candidates == null) {
        continue;
      }
      for (String entry : candidates) {
        if (withinOneEdit(key, entry)) {
          return Optional.of(entry);
        }
      }
    }
    return Optional.empty();
  }

  private static Set<String> selfAndDeletions(String s) {
    Set<String> out = new HashSet<>(s.length() * 2);
    out.add(s);
    for (int i = 0; i < s.length(); i++) {
      out.add(s.substring(0, i) + s.substring(i + 1));
    }
    return out;
  }

  /** Optimal string alignment distance ≤ 1: one insert, delete, substitution or transposition. */
  static boolean withinOneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == la && i == lb) {
      return true;
    }
    if (la == lb) {
      // substitution at i, or a swap of i and i+1
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true;
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.substring(i + 2).equals(b.substring(i + 2));
    }
    return la > lb
        ? a.substring(i + 1).equals(b.substring(i))
        : a.substring(i).equals(b.substring(i + 1));
  }
}
