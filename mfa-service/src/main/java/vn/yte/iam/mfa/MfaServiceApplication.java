package vn.yte.iam.mfa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Population-database lookup gateway and tamper-evident audit store. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MfaServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(MfaServiceApplication.class, args);
  }
}
