package dev.x12gw.domain;

/** Port: where findings go (the outbox in the gateway, standard output in offline analysis). */
@FunctionalInterface
public interface FindingSink {
  void accept(Finding finding);
}
