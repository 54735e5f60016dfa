<?php
// Smoke program of the PHP client OpenAPI Generator writes with php (Guzzle 7): the calls of
// test/support/client-smoke.ts, against the mock or the drift server (ALBUMS_BASE_URL). Prints one
// line per call; an answer the client cannot decode ends it with the exception.
// Guzzle from Debian's packages (php-guzzlehttp-guzzle, found on PHP's include_path), and the
// client, in clients/php beside this file, by its composer.json's PSR-4 rule: composer itself
// would fetch Guzzle from Packagist, which this machine does not reach.
require_once 'GuzzleHttp/autoload.php';
spl_autoload_register(function (string $class): void {
    $prefix = 'AmazonMusic\\Albums\\';
    if (str_starts_with($class, $prefix)) {
        require __DIR__ . '/clients/php/lib/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    }
});

use AmazonMusic\Albums\Api\AlbumsApi;
use AmazonMusic\Albums\Api\LibraryApi;
use AmazonMusic\Albums\ApiException;
use AmazonMusic\Albums\Configuration;
use AmazonMusic\Albums\Model\ErrorResponse;
use AmazonMusic\Albums\Model\LibraryAlbumConnection;

// The client's own credentials: the API key under its header's name (sent as x-api-key), the
// token as the access token (sent as `Authorization: Bearer <token>`).
$configuration = (new Configuration())
    ->setHost(getenv('ALBUMS_BASE_URL'))
    ->setApiKey('x-api-key', getenv('ALBUMS_API_KEY'))
    ->setAccessToken(getenv('ALBUMS_ACCESS_TOKEN'));
$albums = new AlbumsApi(null, $configuration);
$library = new LibraryApi(null, $configuration);

// `<status> <code>` of a failed call. Any status outside 2xx throws an ApiException whose
// response object is the ErrorResponse the description gives that status, or `default`. When the
// body is not the envelope (a gateway's HTML page: `-`), the client still makes an ErrorResponse of
// it, an empty one: valid() tells (generators/WARNINGS.md).
function failure(callable $call): string
{
    try {
        $call();
        return 'no ApiException';
    } catch (ApiException $e) {
        $envelope = $e->getResponseObject();
        return $e->getCode() . ' ' . ($envelope instanceof ErrorResponse && $envelope->valid() ? $envelope->getError()->getCode() : '-');
    }
}

function nodeIds(LibraryAlbumConnection $page): string
{
    return implode(', ', array_map(fn ($edge) => $edge->getNode()->getId(), $page->getEdges()));
}

$album = $albums->getAlbum('B0064UPU4G')->getData()->getAlbum();
echo "album: {$album->getTitle()}, {$album->getDuration()} s\n";
// `ids` is one string: the IDs joined with commas.
$two = $albums->getAlbums(implode(',', ['B0064UPU4G', 'B00D3PLC1K']))->getData()->getAlbums();
echo 'albums: ' . implode(', ', array_map(fn ($one) => "{$one->getId()} {$one->getTitle()}", $two)) . "\n";
$saves = array_map(fn ($id) => $library->saveLibraryAlbum($id)->getData()->getSaveAlbum(), ['B091MTJT3P', 'B00D3PLC1K', 'B0064UPU4G']);
echo 'save: ' . implode(', ', array_map(fn ($saved) => "{$saved->getAlbum()->getId()} {$saved->getSaveState()}", $saves)) . "\n";
$first = $library->getLibraryAlbums(2)->getData()->getUser()->getLibraryAlbums();
echo 'page 1: ' . nodeIds($first) . ' (hasNextPage ' . json_encode($first->getPageInfo()->getHasNextPage()) . ")\n";
$second = $library->getLibraryAlbums(2, $first->getPageInfo()->getToken())->getData()->getUser()->getLibraryAlbums();
echo 'page 2: ' . nodeIds($second) . ' (hasNextPage ' . json_encode($second->getPageInfo()->getHasNextPage()) . ")\n";
$removed = $library->removeLibraryAlbum('B091MTJT3P')->getData()->getRemoveAlbum();
echo "remove: {$removed->getAlbum()->getId()} {$removed->getSaveState()}\n";
foreach (['B000000000', 'B00000B502', 'B00000B503'] as $id) {
    echo "$id: " . failure(fn () => $albums->getAlbum($id)) . "\n";
}
