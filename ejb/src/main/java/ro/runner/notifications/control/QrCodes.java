package ro.runner.notifications.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * QR codes (ZXing), e.g. of an order number for the buyer to show: the code's modules once, then as
 * a black-and-white PNG for the mail and as 1-bit raster rows for the PDF. Both are written straight
 * from the modules, without AWT images or ImageIO (drawing pixel by pixel and encoding through
 * ImageIO took a third of a confirmation's rendering time).
 */
@ApplicationScoped
public class QrCodes {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The code's modules, one cell per module, with a quiet zone of 2 modules. */
    public BitMatrix modules(String content) {
        try {
            return new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot draw the QR code of " + content, e);
        }
    }

    /**
     * 1-bit rows (most significant bit first, each row padded to whole bytes, 1 = white), each module
     * drawn as scale × scale pixels: the layout of a PNG's grey 1-bit rows and of a PDF's DeviceGray
     * image with 1 bit per component.
     */
    public static byte[] rows(BitMatrix modules, int scale) {
        int size = modules.getWidth() * scale;
        int rowBytes = (size + 7) / 8;
        byte[] rows = new byte[rowBytes * size];
        for (int moduleRow = 0; moduleRow < modules.getHeight(); moduleRow++) {
            int first = moduleRow * scale * rowBytes;
            for (int x = 0; x < size; x++) {
                if (!modules.get(x / scale, moduleRow)) {
                    rows[first + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
            for (int copy = 1; copy < scale; copy++) {
                System.arraycopy(rows, first, rows, first + copy * rowBytes, rowBytes);
            }
        }
        return rows;
    }

    /** The code as a PNG of about the given size in pixels (a whole number of pixels per module). */
    public byte[] png(BitMatrix modules, int pixels) {
        int scale = Math.max(1, pixels / modules.getWidth());
        int size = modules.getWidth() * scale;
        int rowBytes = (size + 7) / 8;
        byte[] rows = rows(modules, scale);
        try {
            var raw = new ByteArrayOutputStream();
            try (var deflated = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_SPEED))) {
                for (int y = 0; y < size; y++) {
                    deflated.write(0);
                    deflated.write(rows, y * rowBytes, rowBytes);
                }
            }
            var png = new ByteArrayOutputStream();
            png.write(PNG_SIGNATURE);
            var header = new ByteArrayOutputStream();
            var fields = new DataOutputStream(header);
            fields.writeInt(size);
            fields.writeInt(size);
            fields.write(new byte[] {1, 0, 0, 0, 0});
            chunk(png, "IHDR", header.toByteArray());
            chunk(png, "IDAT", raw.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        var out = new DataOutputStream(png);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        var crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
