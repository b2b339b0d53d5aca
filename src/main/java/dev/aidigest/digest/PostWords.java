package dev.aidigest.digest;

import java.util.regex.Pattern;

/** The words of a post without links and @mentions, which say nothing about its subject. */
public final class PostWords {

    private static final Pattern LINK = Pattern.compile("https?://\\S+|www\\.\\S+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.])@\\w{1,30}");

    private PostWords() {}

    public static String clean(String text) {
        if (text.indexOf('/') < 0 && text.indexOf('@') < 0 && text.indexOf("www.") < 0) {
            return text;
        }
        return MENTION.matcher(LINK.matcher(text).replaceAll(" ")).replaceAll(" ");
    }

    /** True when Chinese/Japanese characters make up a fifth or more of the letters. */
    public static boolean isCjk(String text) {
        int cjk = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || (c >= '\u3040' && c <= '\u30ff')) {
                    cjk++;
                }
            }
        }
        return cjk > 0 && cjk * 5 >= letters;
    }
}
