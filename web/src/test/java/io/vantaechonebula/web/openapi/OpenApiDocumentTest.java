package io.vantaechonebula.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.telemetry.IngestAddresses;
import io.vantaechonebula.web.RestApplication;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.AnnotatedElement;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * META-INF/openapi.yaml, which /openapi serves as written, against the resources it describes: every
 * resource method is in it with its parameters and its login, nothing else is, and every operation has
 * its answers with examples. A resource changed without the document fails here.
 */
class OpenApiDocumentTest {

    private static final List<Class<? extends Annotation>> METHODS = List.of(GET.class, POST.class, PUT.class, DELETE.class);

    private static Map<String, Object> document;
    private static Map<String, Method> resources;
    /** The resource class of each operation, which may inherit the method (alerts and insights). */
    private static final Map<String, Class<?>> RESOURCE_OF = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException, URISyntaxException, ClassNotFoundException {
        try (InputStream in = RestApplication.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            document = new Yaml().load(in);
        }
        resources = resourceMethods();
    }

    @Test
    void describesEveryResourceMethodAndNothingElse() {
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(resources.keySet());
        assertThat(resources).hasSizeGreaterThan(40);
    }

    @Test
    void documentsEachMethodsPathAndQueryParameters() {
        resources.forEach((operation, method) -> {
            Set<String> path = new TreeSet<>();
            Set<String> query = new TreeSet<>();
            List<AnnotatedElement> injected = new ArrayList<>(List.of(method.getParameters()));
            for (Class<?> type = RESOURCE_OF.get(operation); type != Object.class; type = type.getSuperclass()) {
                injected.addAll(List.of(type.getDeclaredFields()));
            }
            for (AnnotatedElement element : injected) {
                if (element.isAnnotationPresent(PathParam.class)) {
                    path.add(element.getAnnotation(PathParam.class).value());
                }
                if (element.isAnnotationPresent(QueryParam.class)) {
                    query.add(element.getAnnotation(QueryParam.class).value());
                }
            }
            assertThat(parameters(operation, "path")).as(operation + " path parameters").isEqualTo(path);
            assertThat(parameters(operation, "query")).as(operation + " query parameters").isEqualTo(query);
        });
    }

    @Test
    void asksForTheLoginTheResourceRequires() {
        resources.forEach((operation, method) -> {
            List<Map<String, Object>> security = list(operations().get(operation).get("security"));
            assertThat(security).as(operation + " states its security, empty when none").isNotNull();
            RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
            if (roles != null) {
                assertThat(security).as(operation + " needs a login").containsExactly(Map.of("operatorLogin", List.of()));
                assertThat(responseCodes(operation)).as(operation).contains("401", "403");
                String text = operations().get(operation).get("summary") + " " + operations().get(operation).get("description");
                for (String role : roles.value()) {
                    assertThat(text).as(operation + " names the roles it takes").contains(role);
                }
            } else {
                assertThat(security).as(operation + " takes no operator login")
                        .noneMatch(requirement -> requirement.containsKey("operatorLogin"));
            }
        });
        assertThat(list(operations().get("POST /api/v1/pool/ingest").get("security")))
                .as("unsigned telemetry is taken too, marked unverified").contains(Map.of("nodeSignature", List.of()), Map.of());
        Map<String, Object> schemes = map(map(document.get("components")).get("securitySchemes"));
        assertThat(schemes).containsOnlyKeys("operatorLogin", "nodeSignature", "peerSignature");
    }

    @Test
    void givesEveryOperationItsAnswersWithExamples() {
        Set<String> operationIds = new HashSet<>();
        resources.forEach((operation, method) -> {
            Map<String, Object> described = operations().get(operation);
            assertThat(operationIds.add((String) described.get("operationId"))).as(operation + " has its own operationId").isTrue();
            assertThat((String) described.get("summary")).as(operation).isNotBlank();
            Set<String> codes = responseCodes(operation);
            String success = codes.stream().filter(code -> code.startsWith("2")).findFirst().orElse(null);
            assertThat(success).as(operation + " has a 2xx answer").isNotNull();
            Map<String, Object> content = map(map(map(described.get("responses")).get(success)).get("content"));
            assertThat(content.values()).as(operation + " shows an example answer")
                    .allSatisfy(media -> assertThat(map(media)).containsKey("example"));
            assertThat(codes).as(operation + " has 4xx answers").anyMatch(code -> code.startsWith("4"));
            if (method.isAnnotationPresent(Produces.class) || RESOURCE_OF.get(operation).isAnnotationPresent(Produces.class)) {
                assertThat(codes).as(operation + " answers 406 to an Accept it cannot meet").contains("406");
            }
            Object body = described.get("requestBody");
            if (body != null) {
                assertThat(map(map(body).get("content")).values()).as(operation + " shows an example request")
                        .allSatisfy(media -> assertThat(map(media)).containsKey("example"));
            }
        });
        map(map(document.get("components")).get("responses")).forEach((name, response) ->
                assertThat(map(map(map(response).get("content")).get("application/problem+json"))).as(name).containsKey("example"));
    }

    /** "GET /api/v1/chains/{chain}/head" to the method that answers it, for every concrete resource class. */
    private static Map<String, Method> resourceMethods() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(RestApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            names = files.map(file -> classes.relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toCollection(ArrayList::new));
        }
        Map<String, Method> found = new TreeMap<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, RestApplication.class.getClassLoader());
            if (!type.isAnnotationPresent(Path.class) || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            String root = "/" + IngestAddresses.API_ROOT.replaceAll("^/|/$", "") + "/" + type.getAnnotation(Path.class).value();
            for (Method method : type.getMethods()) {
                for (Class<? extends Annotation> http : METHODS) {
                    if (method.isAnnotationPresent(http)) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = (root + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("/$", "");
                        String operation = http.getSimpleName() + " " + path;
                        assertThat(found.put(operation, method)).as(operation + " answered once").isNull();
                        RESOURCE_OF.put(operation, type);
                    }
                }
            }
        }
        return found;
    }

    private static Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) ->
                operations.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, map(operation))));
        return operations;
    }

    private static Set<String> parameters(String operation, String in) {
        List<Map<String, Object>> parameters = list(operations().get(operation).get("parameters"));
        return parameters == null ? Set.of() : parameters.stream().filter(parameter -> in.equals(parameter.get("in")))
                .map(parameter -> (String) parameter.get("name")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> responseCodes(String operation) {
        return new TreeSet<>(map(operations().get(operation).get("responses")).keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
