package dev.x12gw.gateway;

import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded ActiveMQ Artemis broker (default when {@code broker.url} is empty): persistent, with
 * an in-JVM acceptor for the gateway and a TCP acceptor for outside consumers, the record queues
 * declared durable, and duplicate detection on {@code _AMQ_DUPL_ID} (the record id).
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

  /** In-JVM URL of the embedded broker. */
  public static final String VM_URL = "vm://0";

  private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
  private final String tcpUrl;

  /**
   * @param dataDir journal, bindings, paging and large-message directories go below it
   * @param tcpHost address of the TCP acceptor (127.0.0.1 by default)
   * @param tcpPort port of the TCP acceptor (61616 by default)
   * @param idCacheSize duplicate-detection ids remembered per address
   * @param globalMaxSizeMb heap the broker may hold messages in, all queues together; beyond it
   *     messages are paged to {@code dataDir/paging} (without a bound Artemis takes half the heap,
   *     which the gateway needs while it reads a large file and nobody consumes)
   * @param queues durable anycast queues to declare
   */
  public EmbeddedBroker(
      Path dataDir,
      String tcpHost,
      int tcpPort,
      int idCacheSize,
      int globalMaxSizeMb,
      List<String> queues)
      throws Exception {
    if (globalMaxSizeMb < 1) {
      throw new IllegalArgumentException(
          "broker.embedded.global-max-size-mb must be 1 or more: " + globalMaxSizeMb);
    }
    this.tcpUrl = "tcp://" + tcpHost + ":" + tcpPort;
    ConfigurationImpl config = new ConfigurationImpl();
    config.setName("x12gw");
    config.setPersistenceEnabled(true);
    config.setJournalType(JournalType.NIO);
    config.setJournalBufferTimeout_NIO(100_000);
    config.setJournalDirectory(dataDir.resolve("journal").toString());
    config.setBindingsDirectory(dataDir.resolve("bindings").toString());
    config.setPagingDirectory(dataDir.resolve("paging").toString());
    config.setLargeMessagesDirectory(dataDir.resolve("large-messages").toString());
    config.setSecurityEnabled(false);
    config.setJMXManagementEnabled(false);
    config.setIDCacheSize(idCacheSize);
    config.setPersistIDCache(true);
    config.setGlobalMaxSize(globalMaxSizeMb * 1024L * 1024L);
    config.addAcceptorConfiguration("in-vm", VM_URL);
    config.addAcceptorConfiguration("tcp", tcpUrl);
    config.addAddressSetting(
        "#",
        new AddressSettings()
            .setDeadLetterAddress(SimpleString.of("DLQ"))
            .setExpiryAddress(SimpleString.of("ExpiryQueue"))
            .setMaxDeliveryAttempts(10)
            .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
            .setRedeliveryDelay(1000));
    for (String q : List.of("DLQ", "ExpiryQueue")) {
      config.addQueueConfiguration(anycast(q));
    }
    queues.forEach(q -> config.addQueueConfiguration(anycast(q)));
    server.setConfiguration(config);
  }

  private static QueueConfiguration anycast(String name) {
    return QueueConfiguration.of(name)
        .setAddress(name)
        .setRoutingType(RoutingType.ANYCAST)
        .setDurable(true);
  }

  public void start() throws Exception {
    server.start();
    LOG.info("Embedded Artemis broker started ({} and {})", VM_URL, tcpUrl);
  }

  public String tcpUrl() {
    return tcpUrl;
  }

  @Override
  public void close() throws Exception {
    server.stop();
    LOG.info("Embedded Artemis broker stopped");
  }
}
