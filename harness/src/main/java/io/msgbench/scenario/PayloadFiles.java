package io.msgbench.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** OMB's payload files: the message content, exactly messageSize bytes (the stamp takes the first 32). */
public final class PayloadFiles {
    private PayloadFiles() {
    }

    /**
     * The file's bytes.
     *
     * @throws IllegalArgumentException naming the file and both sizes when they differ, or when it cannot be read
     */
    public static byte[] read(String file, int messageSize) {
        Path path = Path.of(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("payloadFile " + file + " cannot be read: " + e);
        }
        if (bytes.length != messageSize) {
            throw new IllegalArgumentException("payloadFile " + file + " has " + bytes.length + " bytes but messageSize is "
                    + messageSize);
        }
        return bytes;
    }
}
