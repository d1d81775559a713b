package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class StandardOutputTest {

    private static OutputStream failingWith(String message) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(message);
            }
        };
    }

    @Test
    void aClosedPipeDropsTheRestSilently() {
        StandardOutput out = new StandardOutput(failingWith("Broken pipe"));
        assertThatCode(() -> {
            out.write(new byte[] {1, 2, 3}, 0, 3);
            out.write(4);
            out.flush();
        }).doesNotThrowAnyException();
    }

    @Test
    void otherWriteErrorsFail() {
        StandardOutput out = new StandardOutput(failingWith("No space left on device"));
        assertThatThrownBy(() -> out.write(new byte[] {1}, 0, 1)).isInstanceOf(IOException.class)
                .hasMessageContaining("No space");
    }
}
