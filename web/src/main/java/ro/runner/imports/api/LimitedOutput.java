package ro.runner.imports.api;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream that refuses to grow past a limit (an upload's size cap). */
final class LimitedOutput extends FilterOutputStream {

    static final class TooLarge extends IOException {
        TooLarge() {
            super("upload limit exceeded");
        }
    }

    private final long max;
    private long written;

    LimitedOutput(OutputStream out, long max) {
        super(out);
        this.max = max;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(long n) throws TooLarge {
        written += n;
        if (written > max) {
            throw new TooLarge();
        }
    }
}
