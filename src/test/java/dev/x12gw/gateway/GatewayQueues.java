package dev.x12gw.gateway;

import dev.x12gw.records.QueueNames;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** The gateway's queues on a broker that a test runs in a JVM of its own. */
final class GatewayQueues {
  private GatewayQueues() {}

  /**
   * Declares the gateway's queues (durable, anycast) in {@code config} and starts a broker of it.
   */
  static EmbeddedActiveMQ startBroker(Configuration config) throws Exception {
    for (String q : QueueNames.defaults().all()) {
      config.addQueueConfiguration(
          QueueConfiguration.of(q)
              .setAddress(q)
              .setRoutingType(RoutingType.ANYCAST)
              .setDurable(true));
    }
    EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    server.setConfiguration(config);
    server.start();
    return server;
  }
}
