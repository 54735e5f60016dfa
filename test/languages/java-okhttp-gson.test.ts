// The Java client from OpenAPI Generator's java at its default library, okhttp-gson, configured
// with names only (java-okhttp-gson/config.yaml): generated, compiled with Maven, and run against
// the mock and the drift server (java-client.ts).
import { describeJavaClient } from "./java-client.ts";

describeJavaClient("java-okhttp-gson", "okhttp-gson");
