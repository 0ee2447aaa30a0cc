package org.incidentconsole.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/** One plain sentence for the operator from any failure; the stack trace belongs in the log file only. */
final class PlainMessage {
    /** "java.io.IOException: " and the like, which some libraries put in front of a message. */
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*"
            + "(?:Exception|Error): ");

    private PlainMessage() {
    }

    static String of(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof OutOfMemoryError) {
            return "ran out of memory (the heap limit is " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB): the input is too large for this heap";
        } else if (t instanceof StackOverflowError) {
            return "the input is nested too deeply to be processed";
        } else if (t instanceof NoSuchFileException e) {
            return "no such file or directory: " + e.getFile();
        } else if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        } else if (t instanceof FileAlreadyExistsException e) {
            return "already exists: " + e.getFile();
        } else if (t instanceof NotDirectoryException e) {
            return "not a directory: " + e.getFile();
        } else if (t instanceof FileSystemException e && e.getReason() != null) {
            return lowerFirst(e.getReason()) + ": " + e.getFile()
                    + (e.getOtherFile() == null ? "" : " → " + e.getOtherFile());
        }
        String message = firstLine(t.getMessage());
        if (message == null || message.isBlank()) {
            return t instanceof IOException ? "an input or output operation failed" : "an unexpected internal error";
        }
        return t instanceof IOException && message.startsWith("No space left on device")
                ? "the disk is full (" + message + ")" : message;
    }

    /** True for failures the operator can act on from the sentence alone (files, disk, input). */
    static boolean expected(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof IOException || t instanceof VirtualMachineError || t.getClass().getName()
                .startsWith("org.incidentconsole.");
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof UncheckedIOException || t instanceof picocli.CommandLine.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        String first = message.strip().lines().findFirst().orElse("");
        String bare = CLASS_PREFIX.matcher(first).replaceFirst("");
        while (!bare.equals(first)) {
            first = bare;
            bare = CLASS_PREFIX.matcher(first).replaceFirst("");
        }
        return bare;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
