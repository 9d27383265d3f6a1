using Microsoft.Extensions.Options;

namespace Open311Gateway.Api.Photos;

/// <summary>
/// Photos as files in one directory, which several API processes may share (a network volume): each is written
/// under a temporary name and renamed into place, so a reader never sees half a photo, and names never collide.
/// </summary>
public sealed class FileSystemPhotoStore(IOptions<PhotoOptions> options, IHostEnvironment environment) : IPhotoStore
{
    /// <summary>Under the content root; not <c>photos</c>, which a case-insensitive file system would take for the source folder.</summary>
    public const string DefaultDirectory = "data/photos";

    public string Directory { get; } = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.Directory) ? DefaultDirectory : options.Value.Directory,
        environment.ContentRootPath);

    public async Task<string> SaveAsync(CleanPhoto photo, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = PhotoNames.New(photo.Format);
        // Starts with a dot and ends in .tmp: never a photo's name, so never served while it is written.
        var temporary = Path.Combine(Directory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await file.WriteAsync(photo.Bytes, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path.Combine(Directory, name), overwrite: false);
            return name;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken)
    {
        if (PhotoNames.FormatOf(name) is null) return Task.FromResult<Stream?>(null);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(Path.Combine(Directory, name), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024,
                FileOptions.Asynchronous));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (PhotoNames.FormatOf(name) is not null) File.Delete(Path.Combine(Directory, name));
        return Task.CompletedTask;
    }
}
