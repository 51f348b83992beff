package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/** {@link ExternalBroker}: the trust store on every connector, and no secret in a logged URL. */
class ExternalBrokerTest {
  @Test
  void maskedHidesUserInfoAndStorePasswords() {
    assertThat(
            ExternalBroker.masked(
                "(tcp://a:61616,tcp://b:61616)?ha=true&trustStorePassword=s3cret&keyStorePassword=k;x=1"))
        .isEqualTo(
            "(tcp://a:61616,tcp://b:61616)?ha=true&trustStorePassword=***&keyStorePassword=***;x=1");
    assertThat(ExternalBroker.masked("tcp://user:pw@broker:61616?sslEnabled=true"))
        .isEqualTo("tcp://***@broker:61616?sslEnabled=true");
  }

  @Test
  void theTrustStoreIsSetOnEveryBrokerOfAFailoverUrl() throws Exception {
    try (ActiveMQConnectionFactory cf =
        ExternalBroker.connectionFactory(
            "(tcp://127.0.0.1:61616,tcp://127.0.0.1:61617)?ha=true",
            null,
            null,
            Path.of("/etc/x12gw/trust.p12"),
            "pa&ss+word")) {
      assertThat(cf.getStaticConnectors()).hasSize(2);
      for (TransportConfiguration c : cf.getStaticConnectors()) {
        assertThat(c.getParams())
            .containsEntry("sslEnabled", true)
            .containsEntry("trustStorePath", "/etc/x12gw/trust.p12")
            .containsEntry("trustStorePassword", "pa&ss+word");
      }
    }
  }
}
