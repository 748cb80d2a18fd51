-- A brand's own words for one kind of notification e-mail in one language (absent: the shipped default). The HTML
-- is stored sanitized; values are written in when an e-mail is rendered, escaped.
CREATE TABLE ntf_template (
    brand_id     BIGINT         NOT NULL,
    kind         VARCHAR(40)    NOT NULL,
    language     VARCHAR(5)     NOT NULL,
    subject      VARCHAR(200)   NOT NULL,
    text_body    VARCHAR(5000)  NOT NULL,
    html_body    VARCHAR(10000) NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ntf_template_pk PRIMARY KEY (brand_id, kind, language)
);
