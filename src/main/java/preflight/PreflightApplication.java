package preflight;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import preflight.lint.LintCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PreflightApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("lint")) {
            // template authors and their CI: no Spring, no database, no Slack token
            System.exit(LintCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(PreflightApplication.class, args);
    }
}
