# Untested here: no Docker engine on the build machine. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t nija-silo .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish silo/Nija.Silo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER app
ENV Nija__Storage__Provider=PostgreSql
ENTRYPOINT ["dotnet", "Nija.Silo.dll"]
