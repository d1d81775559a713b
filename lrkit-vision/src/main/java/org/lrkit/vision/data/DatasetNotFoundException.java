package org.lrkit.vision.data;

import java.io.IOException;

/**
 * A dataset that is in none of the places searched. The message lists every place looked at, in order,
 * and how to get the data (an {@code apt-get} line where Debian packages it, the download command
 * otherwise).
 */
public class DatasetNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message where was looked and how to get the data */
    public DatasetNotFoundException(String message) {
        super(message);
    }
}
