package dev.x12gw.gateway;

import jakarta.jms.JMSException;

/**
 * The relay could not connect to the broker (it is down, or refused the connection or the TLS
 * handshake): nothing of the batch was sent, so the batch is not sent again one message at a time;
 * the records stay in the outbox and the next tick tries again ({@code relay-error-handling}).
 */
public final class BrokerUnreachableException extends JMSException {
  private static final long serialVersionUID = 1L;

  BrokerUnreachableException(String broker, JMSException cause) {
    super("cannot connect to " + broker + ": " + cause.getMessage(), cause.getErrorCode());
    setLinkedException(cause);
    initCause(cause);
  }
}
