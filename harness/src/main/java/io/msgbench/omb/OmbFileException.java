package io.msgbench.omb;

/** An OMB workload or driver file that cannot be used; the message names the file (and line) and the problem. */
public final class OmbFileException extends IllegalArgumentException {
    public OmbFileException(String message) {
        super(message);
    }
}
