import { describe, expect, it } from "vitest";
import { BufferedResponse } from "../../src/buffered-response.ts";

const init = { status: 201, statusText: "Created", headers: { "content-type": "application/json", "x-one": "1" } };

describe("BufferedResponse", () => {
  it("is a Response with the status, headers and body it was given", async () => {
    const response = new BufferedResponse('{"a":1}', init);
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.headers.get("x-one")]).toEqual([201, "Created", true, "1"]);
    expect(await response.text()).toBe('{"a":1}');
    expect(await response.json()).toEqual({ a: 1 });
  });

  it("answers json() with the value parsed before, without parsing again", async () => {
    const value = { already: "parsed" };
    expect(await new BufferedResponse("not json at all", init, { value }).json()).toBe(value);
  });

  it("rejects json() on text that is not JSON, as Response does", async () => {
    await expect(new BufferedResponse("<html>", init).json()).rejects.toBeInstanceOf(SyntaxError);
  });

  it("clones, and serves every other body reader from a real body", async () => {
    const response = new BufferedResponse("héllo", init);
    expect(await response.clone().text()).toBe("héllo");
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe("héllo");
    expect(await (await new BufferedResponse("héllo", init).blob()).text()).toBe("héllo");
    const reader = new BufferedResponse("héllo", init).body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe("héllo");
    expect(new BufferedResponse("", { status: 204 }).body).toBeNull();
  });

  it("serves formData() from a real body", async () => {
    const form = await new BufferedResponse("a=1&b=2", { headers: { "content-type": "application/x-www-form-urlencoded" } }).formData();
    expect([...form.entries()]).toEqual([["a", "1"], ["b", "2"]]);
  });

  it("reads an empty body of a status that allows none (204) as empty, as Response does", async () => {
    expect((await new BufferedResponse("", { status: 204 }).arrayBuffer()).byteLength).toBe(0);
    expect((await new BufferedResponse("", { status: 204 }).blob()).size).toBe(0);
  });
});
