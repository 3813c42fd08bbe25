/* xmllib.c — libxml2 opened with dlopen() on first use (see xmllib.h). */
#include "xmllib.h"
#include "util.h"

#include <pthread.h>

gk_xml_api gk_xml;
static int xml_ok;
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void load_xml(void)
{
    static const char *const NAMES[] = {"libxml2.so.2", "libxml2.so", NULL};
    const util_sym SYMS[] = {
        {"xmlInitParser", &gk_xml.init_parser},
        {"xmlSetGenericErrorFunc", &gk_xml.set_generic_error_func},
        {"htmlReadMemory", &gk_xml.html_read_memory},
        {"xmlReadMemory", &gk_xml.read_memory},
        {"xmlDocGetRootElement", &gk_xml.doc_get_root_element},
        {"xmlFreeDoc", &gk_xml.free_doc},
        {"xmlGetProp", &gk_xml.get_prop},
        {"xmlHasProp", &gk_xml.has_prop},
        {"xmlNodeGetContent", &gk_xml.node_get_content},
        {"xmlFree", &gk_xml.free_var}, /* the variable's address, read at each call */
        {NULL, NULL},
    };
    if (!util_dlload("libxml2", NAMES, SYMS))
        return;                        /* the library stays loaded for the process, unused */
    xmlInitParser();
    xml_ok = 1;
}

int xmllib_load(void)
{
    pthread_once(&xml_once, load_xml);
    if (!xml_ok)
        return -1;
    xmlSetGenericErrorFunc(NULL, quiet);
    return 0;
}
