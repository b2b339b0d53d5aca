package dev.aidigest.report;

import com.kennycason.kumo.CollisionMode;
import com.kennycason.kumo.WordCloud;
import com.kennycason.kumo.WordFrequency;
import com.kennycason.kumo.bg.RectangleBackground;
import com.kennycason.kumo.font.KumoFont;
import com.kennycason.kumo.font.scale.SqrtFontScalar;
import com.kennycason.kumo.image.AngleGenerator;
import com.kennycason.kumo.palette.ColorPalette;
import com.kennycason.kumo.wordstart.CenterWordStart;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the word cloud PNG with kumo: horizontal words only, a CJK font so Chinese renders, sizes
 * from 32 to 120 px on 1200×800, so the smallest word is still about 9 px when a phone shows the
 * picture 340 px wide.
 */
public final class WordCloudPainter {

    private static final Logger log = LoggerFactory.getLogger(WordCloudPainter.class);

    /** Installed by {@code apt-get install fonts-wqy-microhei}. */
    public static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 800;
    static final int MIN_FONT = 32;
    static final int MAX_FONT = 120;
    private static final Color[] PALETTE = {
        new Color(0x1f4e79),
        new Color(0x2e75b6),
        new Color(0xc55a11),
        new Color(0x548235),
        new Color(0x7030a0),
        new Color(0xbf1e2e)
    };

    private final Path fontFile;
    private volatile Font font;

    public WordCloudPainter(Path fontFile) {
        this.fontFile = fontFile;
    }

    /** The PNG of the words, or null when there are too few words to draw. */
    public byte[] paint(List<WordCounts.Word> words) {
        if (words.size() < 3) {
            return null;
        }
        System.setProperty("java.awt.headless", "true");
        Dimension size = new Dimension(WIDTH, HEIGHT);
        WordCloud cloud = new WordCloud(size, CollisionMode.PIXEL_PERFECT);
        cloud.setPadding(8); // two short words side by side must not read as one ("MIT" "API")
        cloud.setBackground(new RectangleBackground(size));
        cloud.setBackgroundColor(Color.WHITE);
        cloud.setColorPalette(new ColorPalette(PALETTE));
        cloud.setFontScalar(new SqrtFontScalar(MIN_FONT, MAX_FONT));
        cloud.setAngleGenerator(new AngleGenerator(0));
        cloud.setWordStartStrategy(new CenterWordStart());
        cloud.setKumoFont(new KumoFont(font()));
        // kumo sorts the list it is given: hand it a mutable one
        cloud.build(new java.util.ArrayList<>(
                words.stream().map(w -> new WordFrequency(w.text(), w.count())).toList()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cloud.writeToStreamAsPNG(out);
        return out.toByteArray();
    }

    private Font font() {
        if (font == null) {
            font = load(fontFile);
        }
        return font;
    }

    static Font load(Path file) {
        if (file != null && Files.isReadable(file)) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(Font.BOLD, 20f);
            } catch (FontFormatException | IOException e) {
                log.warn("cannot read the CJK font {} ({}); Chinese words may not render", file, e.getMessage());
            }
        } else {
            log.warn(
                    "CJK font {} not found (apt-get install fonts-wqy-microhei); using the logical SansSerif font, "
                            + "Chinese words render only if the system maps it to a CJK font",
                    file);
        }
        return new Font(Font.SANS_SERIF, Font.BOLD, 20);
    }
}
