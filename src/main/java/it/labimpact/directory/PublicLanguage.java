package it.labimpact.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the public directory: of its interface and of its translations. Italian is the source.
 *
 * @param tag the BCP 47 tag used in URLs, cookies, {@code lang} attributes and {@code directory_text.lang}
 * @param nativeName the language's name in itself, as the switcher shows it
 */
public enum PublicLanguage {
    IT("it", "Italiano", false), EN("en", "English", false), FR("fr", "Français", false), ES("es", "Español", false),
    AR("ar", "العربية", true), ZH_CN("zh-CN", "简体中文", false), UK("uk", "Українська", false),
    SQ("sq", "Shqip", false), UR("ur", "اردو", true), BN("bn", "বাংলা", false), PA("pa", "ਪੰਜਾਬੀ", false),
    TL("tl", "Tagalog", false);

    private final String tag;
    private final String nativeName;
    private final boolean rtl;

    PublicLanguage(String tag, String nativeName, boolean rtl) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.rtl = rtl;
    }

    public String tag() {
        return tag;
    }

    public String nativeName() {
        return nativeName;
    }

    public boolean rtl() {
        return rtl;
    }

    public String dir() {
        return rtl ? "rtl" : "ltr";
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language of a tag as typed ({@code zh-cn}, {@code zh_CN}, {@code AR}); Chinese means Simplified. */
    public static Optional<PublicLanguage> of(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.tag.toLowerCase(Locale.ROOT).equals(t)
                || (l == ZH_CN && (t.equals("zh") || t.startsWith("zh-cn") || t.startsWith("zh-hans")))
                || (l == TL && t.equals("fil"))
                || (l != ZH_CN && t.startsWith(l.tag + "-"))).findFirst();
    }

    /** The language of a locale (Accept-Language), if offered. */
    public static Optional<PublicLanguage> of(Locale locale) {
        return locale == null ? Optional.empty() : of(locale.toLanguageTag());
    }
}
