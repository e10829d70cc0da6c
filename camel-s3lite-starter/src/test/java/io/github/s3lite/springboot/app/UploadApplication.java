package io.github.s3lite.springboot.app;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A tiny application for {@code S3LiteStarterApplicationTest}: direct:upload to s3lite:{{app.bucket}}. */
@SpringBootApplication
public class UploadApplication {

    @Bean
    RouteBuilder uploadRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").routeId("upload").to("s3lite:{{app.bucket}}");
            }
        };
    }
}
