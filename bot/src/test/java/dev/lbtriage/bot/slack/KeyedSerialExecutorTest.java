package dev.lbtriage.bot.slack;

import static dev.lbtriage.bot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyedSerialExecutorTest {

  @Test
  void oneKeysTasksRunInOrderOneAtATime() {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    try (KeyedSerialExecutor executor = new KeyedSerialExecutor(4, 1000)) {
      for (int i = 0; i < 200; i++) {
        int n = i;
        executor.submit("C1:1", () -> seen.add(n));
      }
      eventually(() -> assertThat(seen).hasSize(200));
    }
    assertThat(seen).isSorted();
  }

  @Test
  void aSlowKeyDoesNotHoldBackAnother() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch otherRan = new CountDownLatch(1);
    try (KeyedSerialExecutor executor = new KeyedSerialExecutor(2, 100)) {
      executor.submit("slow", () -> {
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      executor.submit("fast", otherRan::countDown);
      assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
      release.countDown();
    }
  }

  @Test
  void refusesBeyondTheBound() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    try (KeyedSerialExecutor executor = new KeyedSerialExecutor(1, 2)) {
      Runnable block = () -> {
        started.countDown();
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
      executor.submit("k", block);
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      executor.submit("k", () -> { });
      executor.submit("k", () -> { });
      assertThatThrownBy(() -> executor.submit("k", () -> { })).isInstanceOf(RejectedExecutionException.class);
      release.countDown();
    }
  }
}
