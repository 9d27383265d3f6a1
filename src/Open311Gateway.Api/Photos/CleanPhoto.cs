namespace Open311Gateway.Api.Photos;

/// <summary>A photo re-encoded by <see cref="PhotoCleaner"/>: upright, without metadata, ready to be stored and published.</summary>
public sealed record CleanPhoto(byte[] Bytes, PhotoFormat Format, int Width, int Height);
