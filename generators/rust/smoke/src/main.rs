// Smoke program of the generated Rust client, against the mock or the drift server
// (ALBUMS_BASE_URL): the calls of every language's smoke program, one line each. An answer the
// client cannot decode ends it with a panic.
use amazon_music_albums::apis::albums_api::{self, GetAlbumError};
use amazon_music_albums::apis::configuration::{ApiKey, Configuration};
use amazon_music_albums::apis::{library_api, Error};
use amazon_music_albums::models::LibraryAlbumConnection;
use reqwest::Method;
use serde::de::DeserializeOwned;
use std::env;

/// Sends a request again, as the generated client sent it (the configuration's HTTP client, base
/// path and both credentials), and decodes the body into the model the operation returns. The
/// workaround for the generated client's reading of `Content-Type` (generators/WARNINGS.md): it
/// takes a body for JSON only when the media type is written in lower case, though HTTP media
/// types are case-insensitive; given `Application/JSON` it reads the body, drops it and returns
/// `Error::Serde`. Every operation here is idempotent, so sending it again is safe.
async fn again<T: DeserializeOwned, E>(
    sent: Result<T, Error<E>>,
    config: &Configuration,
    method: Method,
    path: &str,
    query: &[(&str, &str)],
) -> Result<T, Error<E>> {
    match sent {
        Err(Error::Serde(error)) if error.to_string().contains("content type response") => {
            let mut request = config.client.request(method, format!("{}{}", config.base_path, path)).query(query);
            if let Some(key) = &config.api_key {
                request = request.header("x-api-key", &key.key);
            }
            if let Some(token) = &config.bearer_access_token {
                request = request.bearer_auth(token);
            }
            let body = request.send().await?.error_for_status()?.text().await?;
            Ok(serde_json::from_str(&body)?)
        }
        other => other,
    }
}

fn page(page: &LibraryAlbumConnection) -> String {
    let ids: Vec<&str> = page.edges.iter().map(|edge| edge.node.id.as_str()).collect();
    format!("{} (hasNextPage {})", ids.join(", "), page.page_info.has_next_page)
}

/// `<status> <code>` of a failed call, `-` for the code when the body is not the error envelope.
/// The status comes from the response, not from the error's variant: every error status shares
/// one schema, so the generated untagged enum decodes each body as its first variant
/// (`Status400`), whatever the status (generators/WARNINGS.md).
fn failure<T>(result: Result<T, Error<GetAlbumError>>) -> String {
    match result {
        Ok(_) => "no error".to_owned(),
        Err(Error::ResponseError(response)) => {
            let code = match response.entity {
                Some(
                    GetAlbumError::Status400(body)
                    | GetAlbumError::Status401(body)
                    | GetAlbumError::Status403(body)
                    | GetAlbumError::Status404(body)
                    | GetAlbumError::Status429(body)
                    | GetAlbumError::Status500(body)
                    | GetAlbumError::DefaultResponse(body),
                ) => body.error.code,
                Some(GetAlbumError::UnknownValue(_)) | None => "-".to_owned(),
            };
            format!("{} {}", response.status.as_u16(), code)
        }
        Err(other) => panic!("no answer: {other}"),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let config = Configuration {
        base_path: env::var("ALBUMS_BASE_URL").expect("ALBUMS_BASE_URL"),
        // Both schemes on every request, each in the generated configuration's own field.
        api_key: Some(ApiKey { prefix: None, key: env::var("ALBUMS_API_KEY").expect("ALBUMS_API_KEY") }),
        bearer_access_token: Some(env::var("ALBUMS_ACCESS_TOKEN").expect("ALBUMS_ACCESS_TOKEN")),
        ..Configuration::default()
    };

    let album = albums_api::get_album(&config, "B0064UPU4G").await.expect("getAlbum").data.album;
    let duration = album.duration.map(|seconds| seconds.to_string()).unwrap_or_default();
    println!("album: {}, {} s", album.title, duration);

    // `ids` is one string: the caller joins the IDs with commas.
    let ids = ["B0064UPU4G", "B00D3PLC1K"].join(",");
    let sent = albums_api::get_albums(&config, &ids).await;
    let two = again(sent, &config, Method::GET, "/albums", &[("ids", &ids)]).await.expect("getAlbums").data.albums;
    let listed: Vec<String> = two.iter().map(|one| format!("{} {}", one.id, one.title)).collect();
    println!("albums: {}", listed.join(", "));

    let mut saves = Vec::new();
    for id in ["B091MTJT3P", "B00D3PLC1K", "B0064UPU4G"] {
        let sent = library_api::save_library_album(&config, id).await;
        let path = format!("/me/library/albums/{id}");
        let saved = again(sent, &config, Method::PUT, &path, &[]).await.expect("saveLibraryAlbum").data.save_album;
        // save_state is an open set: a plain String, so a state the API adds later comes through as it is.
        saves.push(format!("{} {}", saved.album.id, saved.save_state));
    }
    println!("save: {}", saves.join(", "));

    let first = library_api::get_library_albums(&config, Some(2), None).await.expect("getLibraryAlbums").data.user.library_albums;
    println!("page 1: {}", page(&first));
    // The token goes back unchanged: the client encodes it in the query.
    let token = first.page_info.token.as_deref();
    let second = library_api::get_library_albums(&config, Some(2), token).await.expect("getLibraryAlbums").data.user.library_albums;
    println!("page 2: {}", page(&second));

    let removed = library_api::remove_library_album(&config, "B091MTJT3P").await.expect("removeLibraryAlbum").data.remove_album;
    println!("remove: {} {}", removed.album.id, removed.save_state);

    for id in ["B000000000", "B00000B502", "B00000B503"] {
        println!("{id}: {}", failure(albums_api::get_album(&config, id).await));
    }
}
