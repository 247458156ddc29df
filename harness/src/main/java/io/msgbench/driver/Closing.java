package io.msgbench.driver;

/** Closing what a driver made at its end: each one, whatever the others throw (the run is ending anyway). */
public final class Closing {
    private Closing() {
    }

    public static void all(Iterable<? extends AutoCloseable> closeables) {
        for (AutoCloseable c : closeables) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // already closed, or its connection gone
            }
        }
    }
}
