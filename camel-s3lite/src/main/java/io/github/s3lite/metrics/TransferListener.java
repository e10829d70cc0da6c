package io.github.s3lite.metrics;

/**
 * Told how uploads and downloads progress: give one as the {@code transferListener} option, or bind exactly one in
 * the Camel registry (it is then autowired), or pass it to the Camel-free API. Each transfer tells
 * {@link TransferEvent.Stage#STARTED}, {@link TransferEvent.Stage#PROGRESS} events in increasing bytes, and
 * {@link TransferEvent.Stage#COMPLETED} or {@link TransferEvent.Stage#FAILED}. Calls come from the transfer's
 * threads (parts and ranges run in parallel, but the events of one transfer are told one at a time, in order), and
 * should return quickly. An exception thrown by the listener is logged once per transfer and does not stop it.
 */
@FunctionalInterface
public interface TransferListener {

    /** Tells nothing. */
    TransferListener NONE = event -> {
    };

    /** One step of a transfer. */
    void onEvent(TransferEvent event);
}
