// One route, one fixed small JSON answer: no routing table to speak of, no database, no serializer at request time.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var body = """[{"service_code":"SCHLAGLOCH","service_name":"Schlagloch","metadata":true,"type":"realtime"}]"""u8.ToArray();
app.MapGet("/trivial.json", (HttpContext context) =>
{
    context.Response.ContentType = "application/json; charset=utf-8";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
app.Run();
