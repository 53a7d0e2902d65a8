package vn.yte.iam.mfa.audit;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:audit-h2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
      "yte.population.api-key=unused",
      "yte.population.citizen-key=0123456789abcdef0123456789abcdef"
    })
class AuditStoreH2Test extends AuditStoreContract {
  @Override
  void tamper(String sql) {
    jdbc.update(sql);
  }

  @Override
  void tamperCheckpoints(String sql) {
    jdbc.update(sql);
  }
}
