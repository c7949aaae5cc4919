# Dílna's container image: built in one stage, run from a slim one as an unprivileged user.
#   docker build -t dilna .
#   docker run -e DATABASE_URL=postgres://… -e ORIGIN=https://dilna.mesto.cz -p 3000:3000 dilna
# compose.yaml runs PostgreSQL and two instances behind nginx (deploy/nginx.conf).

FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` (Paraglide + svelte-kit sync) needs the sources: run it after they are copied.
RUN npm ci --ignore-scripts
COPY . .
RUN npm run prepare && npm run build && npm prune --omit=dev

FROM node:22-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/build ./build
# Read at run time: the migrations (applied at start under an advisory lock) and the start script
# that puts the security headers on static files too (scripts/serve.js reads the one list).
COPY --from=build --chown=node:node /app/migrations ./migrations
COPY --from=build --chown=node:node /app/scripts/start.js /app/scripts/serve.js ./scripts/
COPY --from=build --chown=node:node /app/src/lib/security-headers.js ./src/lib/security-headers.js
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# `node build` with the security headers on static files and BODY_SIZE_LIMIT for imports.
CMD ["node", "scripts/start.js"]
