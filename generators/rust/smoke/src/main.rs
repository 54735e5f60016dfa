// Smoke test of the generated Rust client. Prints one line per check, the same as every language.
use amazon_music_albums::apis::configuration::{ApiKey, Configuration};
use amazon_music_albums::apis::{albums_api, library_api, Error};
use amazon_music_albums::models::ErrorResponse;
use std::env;

fn configuration(extra: Option<(&'static str, &'static str)>) -> Configuration {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some((name, value)) = extra {
        headers.insert(name, reqwest::header::HeaderValue::from_static(value));
    }
    Configuration {
        base_path: env::var("ALBUMS_BASE_URL").expect("ALBUMS_BASE_URL"),
        client: reqwest::Client::builder().default_headers(headers).build().expect("client"),
        // Two schemes, both on every request: the generated client sends each when it is set.
        api_key: Some(ApiKey { prefix: None, key: env::var("ALBUMS_API_KEY").expect("ALBUMS_API_KEY") }),
        oauth_access_token: Some(env::var("ALBUMS_ACCESS_TOKEN").expect("ALBUMS_ACCESS_TOKEN")),
        ..Configuration::default()
    }
}

/// The status and the error envelope of a failed call. The generated error enum is untagged and
/// every status has the same body, so its first variant matches every error: read the body itself.
fn failure<T>(error: Error<T>) -> (u16, ErrorResponse) {
    match error {
        Error::ResponseError(response) => {
            let body = serde_json::from_str(&response.content).expect("an error envelope");
            (response.status.as_u16(), body)
        }
        other => panic!("no answer: {other}"),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let config = configuration(None);

    let album = albums_api::get_album(&config, "B0064UPU4G").await.expect("getAlbum").data.album;
    println!("album: {}", album.title);

    let ids = vec!["B0064UPU4G".to_owned(), "B00D3PLC1K".to_owned()];
    let albums = albums_api::get_albums(&config, ids).await.expect("getAlbums").data.albums;
    let listed: Vec<String> = albums.iter().map(|a| format!("{} {}", a.id, a.title)).collect();
    println!("albums: {}", listed.join(", "));
    match albums_api::get_albums(&config, vec!["not-an-id".to_owned(), "B0064UPU4G".to_owned()]).await {
        Ok(_) => println!("ids: bad first ID accepted"),
        Err(error) => println!("ids: bad first ID refused with {}", failure(error).0),
    }

    let page = library_api::get_library_albums(&config, Some(20), None).await.expect("getLibraryAlbums").data.user.library_albums;
    let entries: Vec<&str> = page.edges.iter().map(|edge| edge.node.id.as_str()).collect();
    println!("library: {} (hasNextPage {})", entries.join(", "), page.page_info.has_next_page);

    let saved = library_api::save_library_album(&config, "B091MTJT3P").await.expect("saveLibraryAlbum").data.save_album;
    println!("save: {} {}", saved.album.id, saved.save_state);
    let removed = library_api::remove_library_album(&config, "B091MTJT3P").await.expect("removeLibraryAlbum").data.remove_album;
    println!("remove: {} {}", removed.album.id, removed.save_state);

    match albums_api::get_album(&configuration(Some(("prefer", "code=404"))), "B0064UPU4G").await {
        Ok(_) => println!("404: not raised"),
        Err(error) => {
            let (status, body) = failure(error);
            assert_eq!(status, 404, "the HTTP status");
            println!("404: {} {}", body.error.status, body.error.code);
        }
    }
}
