package dev.x12gw.gateway;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The Artemis connection factory of an external broker ({@code broker.url}), with TLS when {@code
 * broker.trust-store} is set, and the URL as it may be logged (no secrets).
 */
final class ExternalBroker {
  /** {@code //user:password@} of a URL. */
  private static final Pattern USER_INFO = Pattern.compile("//[^@/()]*@");

  /** Password options of the Artemis client (key store, trust store), up to the next option. */
  private static final Pattern PASSWORD_OPTION =
      Pattern.compile("(?i)((?:trustStore|keyStore)Password)=[^&;),]*");

  private ExternalBroker() {}

  /**
   * A connection factory for {@code url}; with a trust store, TLS is switched on for every broker
   * of the URL (each of a failover URL {@code (tcp://a:61616,tcp://b:61616)?ha=true}) and the
   * broker's certificate is checked against the trust store (and its host name or address, the
   * Artemis client's default).
   *
   * <p>The trust store is set on the factory's transport options ({@code sslEnabled}, {@code
   * trustStorePath}, {@code trustStorePassword}, as if written after {@code ?} in the URL, and
   * winning over them): its password then never is in the URL (not logged, not URL-encoded).
   *
   * @param trustStore null: the URL as it is (plain TCP unless it says {@code sslEnabled=true})
   * @param trustStorePassword the trust store's password; empty: none (a PKCS12 store of
   *     certificates only is read without one)
   */
  static ActiveMQConnectionFactory connectionFactory(
      String url, String user, String password, Path trustStore, String trustStorePassword) {
    ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(url, user, password);
    if (trustStore != null) {
      // the factory's connectors (a copy of the array, the locator's own configurations): their
      // options are read each time a connection is made
      for (TransportConfiguration connector : cf.getStaticConnectors()) {
        Map<String, Object> options = connector.getParams();
        options.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        options.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, trustStore.toString());
        if (trustStorePassword.isEmpty()) {
          options.remove(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME);
        } else {
          options.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, trustStorePassword);
        }
      }
    }
    return cf;
  }

  /** {@code url} as logged: user info and key or trust store passwords as {@code ***}. */
  static String masked(String url) {
    String noUser = USER_INFO.matcher(url).replaceAll("//***@");
    return PASSWORD_OPTION.matcher(noUser).replaceAll("$1=***");
  }
}
