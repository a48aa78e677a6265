package ro.runner.notifications.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private final QrCodes qrCodes = new QrCodes();

    @Test
    void thePngDecodesToTheContentAndHasAWholeNumberOfPixelsPerModule() throws Exception {
        var modules = qrCodes.modules("R-2026-000123");

        var image = ImageIO.read(new ByteArrayInputStream(qrCodes.png(modules, 240)));

        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isLessThanOrEqualTo(240);
        assertThat(image.getWidth() % modules.getWidth()).isZero();
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        var decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        assertThat(decoded.getText()).isEqualTo("R-2026-000123");
    }

    @Test
    void rowsAreOneBitPerPixelWhiteAsOneEachModuleScaled() {
        var modules = qrCodes.modules("R-1");
        int scale = 3;
        int size = modules.getWidth() * scale;
        int rowBytes = (size + 7) / 8;

        byte[] rows = QrCodes.rows(modules, scale);

        assertThat(rows).hasSize(rowBytes * size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean white = (rows[y * rowBytes + x / 8] & (0x80 >>> (x % 8))) != 0;
                assertThat(white).as("pixel %d,%d", x, y).isEqualTo(!modules.get(x / scale, y / scale));
            }
        }
    }
}
