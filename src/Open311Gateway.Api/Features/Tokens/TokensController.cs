using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Features.Requests;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Tokens;

/// <summary>
/// <c>tokens/{token}.{format}</c>: the id behind a batch service's token. We store before we answer,
/// so a token resolves at once (some clients look it up only once). A report the public may not see
/// (private, held, hidden: ADR 15) answers 404 like an unknown token.
/// </summary>
[Route("tokens")]
public sealed class TokensController(GatewayDbContext db) : Open311ControllerBase
{
    [HttpGet("{token}")]
    public async Task<IActionResult> Resolve(string token, CancellationToken cancellationToken)
    {
        var request = token.Length > 64 ? null : await db.ServiceRequests.AsNoTracking().VisibleToPublic()
            .FirstOrDefaultAsync(r => r.Token == token, cancellationToken);
        return request is null
            ? Error(StatusCodes.Status404NotFound, $"Unknown token '{TextRules.Shorten(token)}'.")
            : Answer(RequestDocuments.Token(request));
    }
}
