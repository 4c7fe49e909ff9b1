package dev.lbtriage.engine.runtime;

/**
 * Calls off one turn until it is saved (a person pressing Ctrl-C while the facts are read). A turn called off in
 * time is neither saved nor answered: the conversation stays as it was, as if the line had not been sent. Once the
 * turn is being saved it can no longer be called off; its replies come as usual.
 *
 * <p>While the engine works on the turn, calling it off interrupts that thread, so a read that waits can stop; the
 * interrupt never reaches the store (the runtime clears it before it saves anything).
 */
public final class Cancellation {
  private enum Phase { WAITING, IN_ENGINE, SAVING, CALLED_OFF }

  private Phase phase = Phase.WAITING;
  private Thread engineThread;
  private boolean interrupted;

  /**
   * Calls the turn off.
   *
   * @return true when it is (nothing of it will be saved or sent), false when it is already being saved
   */
  public synchronized boolean cancel() {
    if (phase == Phase.SAVING) {
      return false;
    }
    if (phase == Phase.IN_ENGINE && engineThread != null) {
      engineThread.interrupt();
      interrupted = true;
    }
    phase = Phase.CALLED_OFF;
    return true;
  }

  public synchronized boolean cancelled() {
    return phase == Phase.CALLED_OFF;
  }

  /** The engine starts on the turn in this thread; false when the turn was called off before. */
  synchronized boolean enterEngine() {
    if (phase == Phase.CALLED_OFF) {
      return false;
    }
    phase = Phase.IN_ENGINE;
    engineThread = Thread.currentThread();
    return true;
  }

  /** The engine is done with the turn: the interrupt this sent it is cleared, so it cannot reach the store. */
  synchronized void leaveEngine() {
    engineThread = null;
    if (interrupted) {
      Thread.interrupted();
      interrupted = false;
    }
  }

  /** The turn is about to be saved; false when it was called off (then nothing is saved or sent). */
  synchronized boolean commit() {
    if (phase == Phase.CALLED_OFF) {
      return false;
    }
    phase = Phase.SAVING;
    return true;
  }

  /** For turns nobody can call off. */
  static Cancellation never() {
    return new Cancellation();
  }
}
