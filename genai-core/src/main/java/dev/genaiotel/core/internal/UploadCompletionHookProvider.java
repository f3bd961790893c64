package dev.genaiotel.core.internal;

import dev.genaiotel.core.CompletionHook;
import dev.genaiotel.core.CompletionHookProvider;
import dev.genaiotel.core.UploadCompletionHook;

/** Provides the built-in {@value UploadCompletionHook#NAME} hook to {@link java.util.ServiceLoader}. */
public final class UploadCompletionHookProvider implements CompletionHookProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public UploadCompletionHookProvider() {}

    @Override
    public String name() {
        return UploadCompletionHook.NAME;
    }

    @Override
    public CompletionHook create(Context context) {
        return UploadCompletionHook.fromConfig(context);
    }
}
