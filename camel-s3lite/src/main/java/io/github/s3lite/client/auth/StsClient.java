package io.github.s3lite.client.auth;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The two STS calls s3lite needs, over the query API: {@code AssumeRole} (signed with SigV4 for service
 * {@code sts}) and {@code AssumeRoleWithWebIdentity} (unsigned: the web identity token is the proof). AWS STS,
 * MinIO and Ceph RGW STS answer the same XML.
 */
public final class StsClient {
    static final String VERSION = "2011-06-15";

    private final URI endpoint;
    private final SigV4Signer signer;
    private final Clock clock;
    private final Transport transport;

    /**
     * How STS requests travel. The default goes direct with the JDK's client; the component passes one that uses
     * the endpoint's proxy and TLS settings (STS is an ordinary AWS endpoint, reached through the egress proxy like
     * S3, unlike the link-local credential endpoints).
     */
    @FunctionalInterface
    public interface Transport {
        /** POSTs {@code body} with {@code headers} exactly; returns the status and the body text. */
        Reply post(URI uri, Map<String, String> headers, String body);

        /** STS's answer. */
        record Reply(int status, String body) {
            boolean ok() {
                return status / 100 == 2;
            }

            @Override
            public String toString() {
                return "Reply[" + status + "]"; // the body carries credentials
            }
        }

        /** Direct, with the JDK's client and short timeouts. */
        Transport DIRECT = (uri, headers, body) -> {
            CredentialsHttp.Response r = CredentialsHttp.send("POST", uri, headers, body);
            return new Reply(r.status(), r.body());
        };
    }

    /**
     * @param endpoint STS endpoint, e.g. {@code https://sts.eu-west-1.amazonaws.com}; null: the regional AWS endpoint
     *                 of {@code region}
     * @param region   signing region (null or blank: us-east-1)
     */
    public StsClient(URI endpoint, String region) {
        this(endpoint, region, Clock.systemUTC());
    }

    /** With this transport (null: {@link Transport#DIRECT}). */
    public StsClient(URI endpoint, String region, Transport transport) {
        this(endpoint, region, Clock.systemUTC(), transport);
    }

    StsClient(URI endpoint, String region, Clock clock) {
        this(endpoint, region, clock, null);
    }

    StsClient(URI endpoint, String region, Clock clock, Transport transport) {
        this.transport = transport == null ? Transport.DIRECT : transport;
        String r = region == null || region.isBlank() ? "us-east-1" : region.trim();
        this.endpoint = endpoint != null ? endpoint : URI.create("https://sts." + r + ".amazonaws.com");
        if (this.endpoint.getHost() == null) {
            throw new IllegalArgumentException("stsEndpoint '" + endpoint + "' has no host: give a URL such as "
                                               + "https://sts.eu-west-1.amazonaws.com");
        }
        this.signer = new SigV4Signer(r, "sts");
        this.clock = clock;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** What to ask for: the role, a session name, optional external id and duration (null: STS's default). */
    public record RoleRequest(String roleArn, String sessionName, String externalId, Duration duration) {
        public RoleRequest {
            if (roleArn == null || roleArn.isBlank()) {
                throw new IllegalArgumentException("roleArn must be set to assume a role (arn:aws:iam::<account>:role/<name>)");
            }
            if (sessionName == null || sessionName.isBlank()) {
                sessionName = "s3lite-" + System.currentTimeMillis();
            }
            if (duration != null && (duration.toSeconds() < 900 || duration.toSeconds() > 43_200)) {
                throw new IllegalArgumentException("roleSessionDuration must be between 15 minutes and 12 hours (STS "
                                                   + "limits; the role's maximum session duration applies too), was "
                                                   + duration);
            }
        }

        @Override
        public String toString() {
            return "RoleRequest[" + roleArn + ", session " + sessionName + (externalId == null ? "" : ", externalId ****")
                   + (duration == null ? "" : ", " + duration) + "]";
        }
    }

    /** {@code AssumeRole}, signed with {@code base}. */
    public ExpiringCredentials assumeRole(Credentials base, RoleRequest r) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "AssumeRole");
        form.put("Version", VERSION);
        form.put("RoleArn", r.roleArn());
        form.put("RoleSessionName", r.sessionName());
        if (r.externalId() != null && !r.externalId().isBlank()) {
            form.put("ExternalId", r.externalId());
        }
        if (r.duration() != null) {
            form.put("DurationSeconds", String.valueOf(r.duration().toSeconds()));
        }
        String body = formBody(form);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        String host = endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        Map<String, String> sig = signer.signHeaders(new SigningRequest("POST", host, path, null, headers,
                Hashing.sha256Hex(body.getBytes(StandardCharsets.UTF_8))), Objects.requireNonNull(base, "base"),
                clock.instant());
        headers.putAll(sig);
        return call("AssumeRole " + r.roleArn(), headers, body);
    }

    /** {@code AssumeRoleWithWebIdentity} with an OIDC token (EKS IRSA, MinIO/Ceph STS). */
    public ExpiringCredentials assumeRoleWithWebIdentity(String token, RoleRequest r) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("the web identity token for " + r.roleArn() + " is empty");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "AssumeRoleWithWebIdentity");
        form.put("Version", VERSION);
        form.put("RoleArn", r.roleArn());
        form.put("RoleSessionName", r.sessionName());
        form.put("WebIdentityToken", token.strip());
        if (r.duration() != null) {
            form.put("DurationSeconds", String.valueOf(r.duration().toSeconds()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return call("AssumeRoleWithWebIdentity " + r.roleArn(), headers, formBody(form));
    }

    private ExpiringCredentials call(String what, Map<String, String> headers, String body) {
        headers.remove("Host");
        Transport.Reply resp = transport.post(endpoint, headers, body);
        Map<String, String> values = elements(resp.body());
        if (!resp.ok()) {
            throw new IllegalStateException("STS " + what + " at " + CredentialsHttp.safe(endpoint) + " answered "
                                            + resp.status() + " " + values.getOrDefault("Code", "")
                                            + (values.containsKey("Message") ? ": " + values.get("Message") : "")
                                            + (resp.status() == 407 ? "(an HTTP proxy wants credentials or refused them: "
                                                                      + "check proxyUsername and proxyPassword)" : ""));
        }
        String id = values.get("AccessKeyId");
        String secret = values.get("SecretAccessKey");
        if (id == null || secret == null) {
            throw new IllegalStateException("STS " + what + " at " + CredentialsHttp.safe(endpoint)
                                            + " answered " + resp.status() + " without Credentials");
        }
        String exp = values.get("Expiration");
        return new ExpiringCredentials(new Credentials(id, secret, values.get("SessionToken")),
                exp == null ? null : Instant.parse(exp.strip()));
    }

    /** Leaf element name -> text (last wins) of a small STS document. */
    static Map<String, String> elements(String xml) {
        Map<String, String> out = new HashMap<>();
        if (xml == null || xml.isBlank()) {
            return out;
        }
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
            String name = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    name = r.getLocalName();
                    text.setLength(0);
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (name != null && name.equals(r.getLocalName())) {
                        out.put(name, text.toString().strip());
                    }
                    name = null;
                }
            }
        } catch (XMLStreamException e) {
            out.put("Code", "unreadable answer (not XML)");
        }
        return out;
    }

    static String formBody(Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    @Override
    public String toString() {
        return "StsClient[" + CredentialsHttp.safe(endpoint) + ", region " + signer.region() + "]";
    }
}
