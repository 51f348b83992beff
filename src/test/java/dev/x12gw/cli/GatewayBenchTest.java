package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's CPU by thread: a thread dump's header lines, then the drop's CPU by group. */
class GatewayBenchTest {
  private static final String DUMP =
      """
      "main" #1 prio=5 os_prio=0 cpu=2653.66ms elapsed=12.21s tid=0x1 nid=0x1ef0 waiting
      "C2 CompilerThread0" #7 daemon prio=9 os_prio=0 cpu=2558.20ms elapsed=12.31s tid=0x2
      "Camel (camel-1) thread #8 - sftp://127.0.0.1:2222/inbound/835" #80 daemon prio=5 \
      os_prio=0 cpu=1500.00ms elapsed=9.00s tid=0x3
         java.lang.Thread.State: RUNNABLE
      "Camel (camel-1) thread #11 - timer://publish-records" #83 daemon prio=5 os_prio=0 \
      cpu=250.50ms elapsed=9.00s tid=0x4
      "GC Thread#0" os_prio=0 cpu=126.09ms elapsed=12.32s tid=0x5 nid=0x1ef1 runnable
      "H2-serialization" #60 daemon prio=5 os_prio=0 cpu=10.00ms elapsed=9.00s tid=0x6
      """;

  @Test
  void aThreadDumpGivesEachThreadsCpuSeconds() {
    Map<String, Double> cpu = GatewayBench.cpuPerThread(DUMP);
    assertThat(cpu)
        .containsEntry("main #1", 2.65366)
        .containsEntry("C2 CompilerThread0 #7", 2.5582)
        .containsEntry("Camel (camel-1) thread #8 - sftp://127.0.0.1:2222/inbound/835 #80", 1.5)
        .containsEntry("GC Thread#0", 0.12609)
        .hasSize(6);
  }

  @Test
  void theDropsCpuIsEachThreadsAfterLessBeforeByGroupLargestFirst() {
    Map<String, Double> before = Map.of("C2 CompilerThread0 #7", 2.0, "main #1", 2.6);
    Map<String, Double> after =
        Map.of(
            "C2 CompilerThread0 #7", 5.0,
            "C1 CompilerThread0 #8 (node 2)", 0.25,
            "main #1", 2.6,
            "Camel (camel-1) thread #8 - sftp://127.0.0.1:2222/inbound/835 #80", 4.0,
            "Thread-0 (activemq-netty-threads) #90", 1.25,
            "Camel (camel-1) thread #11 - timer://publish-records #83", 0.5);
    assertThat(GatewayBench.cpuByThread(before, after))
        .isEqualTo(
            "CPU by the gateway's threads (jcmd Thread.print): intake 4.0 s, JIT compilers 3.3 s,"
                + " broker 1.3 s, relay 0.5 s, GC and VM 0.0 s, H2's writer 0.0 s, SFTP drop"
                + " 0.0 s, other 0.0 s");
  }
}
