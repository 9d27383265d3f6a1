namespace Open311Gateway.Api.Photos;

/// <summary>Where cleaned photos are kept, by name (<see cref="PhotoNames"/>). Shared by every API process.</summary>
public interface IPhotoStore
{
    /// <summary>Stores the photo under a new name and returns it; the photo is complete under that name or absent.</summary>
    Task<string> SaveAsync(CleanPhoto photo, CancellationToken cancellationToken);

    /// <summary>The stored photo's bytes; null when no photo has that name.</summary>
    Task<Stream?> OpenAsync(string name, CancellationToken cancellationToken);

    /// <summary>Removes a photo that no report came to use; no error when it is gone already.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
