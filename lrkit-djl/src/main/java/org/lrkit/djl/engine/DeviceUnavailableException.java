package org.lrkit.djl.engine;

/** The device asked for (a GPU) is not available to DJL's engine; the message says why and what to do. */
public final class DeviceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that names the device and the fix.
     *
     * @param message the device asked for, why it is unavailable and what to do
     */
    public DeviceUnavailableException(String message) {
        super(message);
    }
}
