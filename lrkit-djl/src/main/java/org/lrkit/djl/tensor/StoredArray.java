package org.lrkit.djl.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.lrkit.Checks;

/**
 * A host copy of an {@link NDArray}: its data type, shape and raw bytes (in the engine's native byte order),
 * so that copying it back gives the same array to the bit.
 *
 * <pre>{@code
 * StoredArray saved = StoredArray.of(weight);   // device -> host copy
 * ...                                          // weight changes
 * saved.copyInto(weight);                      // weight is bit-identical to when it was saved
 * }</pre>
 *
 * @param dataType the DJL data type name, as {@link DataType#name()} ({@code "FLOAT32"}, ...)
 * @param shape the dimensions, each {@code >= 0}
 * @param data the raw element bytes, {@code shape size * element size} of them
 */
public record StoredArray(String dataType, long[] shape, byte[] data) {

    /**
     * Checks the components and copies the shape; see the record description.
     *
     * @param dataType the DJL data type name, as {@link DataType#name()}
     * @param shape the dimensions, each {@code >= 0}
     * @param data the raw element bytes, {@code shape size * element size} of them
     * @throws IllegalArgumentException if a component is null, {@code dataType} is not a DJL data type name,
     *     a dimension is negative or {@code data} has the wrong length
     * @throws ArithmeticException if the byte count overflows a {@code long}
     */
    public StoredArray {
        Checks.notNull("dataType", dataType);
        Checks.notNull("shape", shape);
        Checks.notNull("data", data);
        DataType type = parseType(dataType);
        shape = shape.clone();
        long elements = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("shape dimensions must be >= 0, got " + Arrays.toString(shape));
            }
            elements = Math.multiplyExact(elements, dimension);
        }
        long expected = Math.multiplyExact(elements, type.getNumOfBytes());
        if (data.length != expected) {
            throw new IllegalArgumentException("data must hold " + expected + " bytes for a " + dataType + " array of shape "
                    + Arrays.toString(shape) + ", got " + data.length);
        }
    }

    /**
     * Copies an array to the host.
     *
     * @param array the array to copy, on any device; not null
     * @return a host copy of the array's type, shape and bytes
     * @throws IllegalArgumentException if {@code array} is null
     */
    public static StoredArray of(NDArray array) {
        Checks.notNull("array", array);
        return new StoredArray(array.getDataType().name(), array.getShape().getShape(), array.toByteArray());
    }

    /**
     * The dimensions.
     *
     * @return a copy of the dimensions
     */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The raw bytes.
     *
     * @return a copy of the element bytes
     */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * The DJL shape.
     *
     * @return the dimensions as a DJL {@link Shape}
     */
    public Shape djlShape() {
        return new Shape(shape);
    }

    /**
     * Whether {@code array} has this data type and shape, so that {@link #copyInto} can fill it.
     *
     * @param array the array to compare with
     * @return true if data type and shape are the same
     */
    public boolean fits(NDArray array) {
        return array.getDataType().name().equals(dataType) && Arrays.equals(array.getShape().getShape(), shape);
    }

    /**
     * Overwrites {@code target}'s elements in place with these bytes; the array object (and so every
     * reference to it, such as the trainer's) stays the same.
     *
     * @param target the array to overwrite, with this data type and shape
     * @throws IllegalArgumentException if {@code target} is null, or data type or shape differ
     */
    public void copyInto(NDArray target) {
        Checks.notNull("target", target);
        if (!fits(target)) {
            throw new IllegalArgumentException("cannot copy a " + dataType + " array of shape " + djlShape()
                    + " into a " + target.getDataType().name() + " array of shape " + target.getShape());
        }
        target.set(ByteBuffer.wrap(data));
    }

    /**
     * Writes this array: data type, rank, dimensions, byte count, bytes.
     *
     * @param out the output to write to
     * @throws IOException if writing fails
     */
    public void writeTo(DataOutput out) throws IOException {
        out.writeUTF(dataType);
        out.writeInt(shape.length);
        for (long dimension : shape) {
            out.writeLong(dimension);
        }
        out.writeInt(data.length);
        out.write(data);
    }

    /**
     * Reads an array written by {@link #writeTo}.
     *
     * @param in the input, positioned at an array written by {@link #writeTo}
     * @param maxBytes the most bytes the array may claim (what is left of the input), so that a corrupt
     *     length fails with a message instead of an attempt to allocate it
     * @return the array read
     * @throws IOException on malformed input, naming what is wrong
     */
    public static StoredArray readFrom(DataInput in, long maxBytes) throws IOException {
        String type = in.readUTF();
        int rank = in.readInt();
        if (rank < 0 || rank > 32) {
            throw new IOException("array rank must be in [0, 32], got " + rank);
        }
        long[] dimensions = new long[rank];
        for (int i = 0; i < rank; i++) {
            dimensions[i] = in.readLong();
        }
        int length = in.readInt();
        if (length < 0 || length > maxBytes) {
            throw new IOException("array claims " + length + " bytes but at most " + maxBytes + " remain");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        try {
            return new StoredArray(type, dimensions, bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed array: " + e.getMessage(), e);
        }
    }

    private static DataType parseType(String name) {
        try {
            return DataType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataType must be a DJL DataType name such as FLOAT32, got '" + name + "'",
                    e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredArray that && dataType.equals(that.dataType) && Arrays.equals(shape, that.shape)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dataType.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return dataType + " " + djlShape() + " (" + data.length + " bytes)";
    }
}
