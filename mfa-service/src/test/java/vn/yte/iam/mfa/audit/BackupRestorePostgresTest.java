package vn.yte.iam.mfa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.yte.iam.mfa.support.PostgresSchema;

/**
 * The backup and restore procedure of the README, run for real on PostgreSQL: {@code pg_dump} of
 * the audit schema, the schema lost, {@code pg_restore}, and the restored chain and its signed
 * checkpoints verified before the service writes on (LOG-5).
 */
class BackupRestorePostgresTest {
  @Test
  void aRestoredAuditStoreVerifiesAndTheChainContinues(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("checkpoint-key.jwk.json");
    Path dump = dir.resolve("audit.dump");
    try (PostgresSchema schema = new PostgresSchema("yte_restore")) {
      List<Long> sealed;
      try (ConfigurableApplicationContext before = service(schema, key)) {
        AuditService audit = before.getBean(AuditService.class);
        Checkpoints checkpoints = before.getBean(Checkpoints.class);
        for (int i = 0; i < 50; i++) {
          audit.append(AuditStoreContract.event("backup", i));
        }
        checkpoints.seal();
        for (int i = 50; i < 60; i++) {
          audit.append(AuditStoreContract.event("backup", i));
        }
        checkpoints.seal();
        sealed = checkpoints.list().stream().map(Checkpoint::seq).toList();
      }
      // Sealed at 50 and 60 by hand. The checkpoint job's run at start-up may have sealed one more
      // before them, at whatever length the chain had then; once 60 is sealed it has nothing to do.
      assertThat(sealed).endsWith(50L, 60L);

      run(pgTool("pg_dump", "--schema=" + schema.name(), "--format=custom", "--file=" + dump));
      assertThat(Files.size(dump)).isPositive();
      schema.execute("DROP SCHEMA " + schema.name() + " CASCADE"); // the database is lost
      run(pgTool("pg_restore", "--exit-on-error", dump.toString()));

      try (ConfigurableApplicationContext after = service(schema, key)) {
        AuditService audit = after.getBean(AuditService.class);
        Checkpoints checkpoints = after.getBean(Checkpoints.class);
        assertThat(audit.verify()).isEmpty();
        assertThat(checkpoints.verify()).isEmpty();
        assertThat(checkpoints.list()).extracting(Checkpoint::seq).isEqualTo(sealed);
        AuditRecord next = audit.append(AuditStoreContract.event("backup", 60));
        assertThat(next.seq()).isEqualTo(61);
        assertThat(audit.verify()).isEmpty();
      }
    }
  }

  private static ConfigurableApplicationContext service(PostgresSchema schema, Path key) {
    return schema.startService(
        "--yte.population.api-key=unused",
        "--yte.audit.checkpoint.key-file=" + key,
        "--yte.audit.checkpoint.interval=1h");
  }

  /** pg_dump/pg_restore against the same server and database as the JDBC URL. */
  private static List<String> pgTool(String tool, String... args) {
    URI uri = URI.create(PostgresSchema.URL.substring("jdbc:".length()));
    List<String> command = new ArrayList<>(List.of(tool));
    command.add("--host=" + uri.getHost());
    command.add("--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()));
    command.add("--username=" + PostgresSchema.USER);
    command.add("--dbname=" + uri.getPath().substring(1));
    command.addAll(List.of(args));
    return command;
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
  }
}
