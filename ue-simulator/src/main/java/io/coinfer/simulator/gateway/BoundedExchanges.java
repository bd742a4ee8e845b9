package io.coinfer.simulator.gateway;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;

/**
 * Sends requests with at most a fixed number of exchanges open at once; the others wait in FIFO
 * order without holding a thread.
 */
final class BoundedExchanges {

  private final HttpClient http;
  private final int limit;
  private final Queue<Runnable> waiting = new ArrayDeque<>();
  private int open;

  BoundedExchanges(HttpClient http, int limit) {
    this.http = http;
    this.limit = limit;
  }

  CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request) {
    CompletableFuture<HttpResponse<byte[]>> answer = new CompletableFuture<>();
    Runnable start =
        () ->
            http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .whenComplete(
                    (response, error) -> {
                      release();
                      if (error != null) {
                        answer.completeExceptionally(error);
                      } else {
                        answer.complete(response);
                      }
                    });
    boolean now;
    synchronized (this) {
      now = open < limit;
      if (now) {
        open++;
      } else {
        waiting.add(start);
      }
    }
    if (now) {
      start.run();
    }
    return answer;
  }

  private void release() {
    Runnable next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        open--;
      }
    }
    if (next != null) {
      next.run();
    }
  }
}
