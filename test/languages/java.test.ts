// The Java client from OpenAPI Generator's java with the native library (java/config.yaml):
// generated, compiled with Maven, and run against the mock and the drift server (java-client.ts).
import { describeJavaClient } from "./java-client.ts";

describeJavaClient("java", "native");
