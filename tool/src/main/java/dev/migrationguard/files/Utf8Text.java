package dev.migrationguard.files;

import dev.migrationguard.model.CannotJudge;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a file the user gives the tool to steer it (the configuration, the baseline): text that is not UTF-8 stops
 * the run (exit 2) saying which byte is wrong and where, since the decoder's own words ("Input length = 3") say nothing.
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * @param what how the message names the file, such as {@code configuration file .migration-guard.yml}
     * @return the text, without a leading byte-order mark
     */
    public static String decode(byte[] bytes, String what) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new CannotJudge(what + " is binary, not text (a NUL byte at offset " + i + ", line "
                        + lineAt(bytes, i) + ")");
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int offset = in.position();
            throw new CannotJudge(what + " is not UTF-8 text (byte 0x" + String.format("%02X", bytes[offset] & 0xff)
                    + " at offset " + offset + ", line " + lineAt(bytes, offset) + "); save it as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
        return line;
    }
}
